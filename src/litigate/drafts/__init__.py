"""Rendering drafts from DOCX templates: the only home of Jinja, python-docx and babel.

Templates render in a sandbox with autoescaping and strict undefined values;
every problem is reported at once with its location.  The filters for legal
drafting (:mod:`litigate.drafts.filters`) and the anonymised public version of
a case (:mod:`litigate.drafts.anonymise`) are usable on their own.
"""

from litigate._files import FileStatus, write_tracked
from litigate._resources import templates_root
from litigate.drafts.anonymise import anonymisation_map, anonymise, scrub
from litigate.drafts.api import (
    TemplateLint,
    find_template,
    lint_templates,
    render,
    template_variables,
)
from litigate.drafts.bundle import Annex, AnnexBundle, annex_bundle
from litigate.drafts.engine import (
    MAX_PART_CHARS,
    MAX_RANGE,
    CompiledTemplate,
    compile_template,
    write_rendered,
)
from litigate.drafts.filters import (
    FILTERS,
    amount,
    article,
    case_citation,
    date,
    initials,
    join,
    ordinal,
    paragraph_range,
    upper_first,
)
from litigate.drafts.pages import page_estimate, page_limit
from litigate.drafts.pdf import PdfConverter, ecomms_name, ecomms_parts, text_pdfs, write_pdf
from litigate.drafts.reply import (
    BANK_KINDS,
    REVIEW_MARKER,
    BankEntry,
    Reply,
    ReplySection,
    argument_bank,
    load_argument_bank,
    reply_skeleton,
)

__all__ = [
    "BANK_KINDS",
    "FILTERS",
    "MAX_PART_CHARS",
    "MAX_RANGE",
    "REVIEW_MARKER",
    "Annex",
    "AnnexBundle",
    "BankEntry",
    "CompiledTemplate",
    "FileStatus",
    "PdfConverter",
    "Reply",
    "ReplySection",
    "TemplateLint",
    "amount",
    "annex_bundle",
    "anonymisation_map",
    "anonymise",
    "argument_bank",
    "article",
    "case_citation",
    "compile_template",
    "date",
    "ecomms_name",
    "ecomms_parts",
    "find_template",
    "initials",
    "join",
    "lint_templates",
    "load_argument_bank",
    "ordinal",
    "page_estimate",
    "page_limit",
    "paragraph_range",
    "render",
    "reply_skeleton",
    "scrub",
    "template_variables",
    "templates_root",
    "text_pdfs",
    "upper_first",
    "write_pdf",
    "write_rendered",
    "write_tracked",
]
