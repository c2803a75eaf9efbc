"""Rendering drafts from DOCX templates: the only home of Jinja, python-docx and babel.

Templates render in a sandbox with autoescaping and strict undefined values;
every problem is reported at once with its location.
"""
