"""Rendering drafts from DOCX templates: the only home of Jinja, python-docx and babel.

Templates render in a sandbox with autoescaping and strict undefined values;
every problem is reported at once with its location.  The filters for legal
drafting (:mod:`litigate.render.filters`) and the anonymised public version of
a case (:mod:`litigate.render.anonymise`) are usable on their own.
"""

from litigate.render.anonymise import anonymisation_map, anonymise, scrub
from litigate.render.engine import (
    MAX_PART_CHARS,
    MAX_RANGE,
    CompiledTemplate,
    compile_template,
    write_rendered,
)
from litigate.render.filters import (
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

__all__ = [
    "FILTERS",
    "MAX_PART_CHARS",
    "MAX_RANGE",
    "CompiledTemplate",
    "amount",
    "anonymisation_map",
    "anonymise",
    "article",
    "case_citation",
    "compile_template",
    "date",
    "initials",
    "join",
    "ordinal",
    "paragraph_range",
    "scrub",
    "upper_first",
    "write_rendered",
]
