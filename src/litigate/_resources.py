"""Where the packaged templates are."""

from __future__ import annotations

import functools
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path


@functools.cache
def templates_root() -> Traversable:
    """Return the folder of the built-in DOCX templates (looked up once per process).

    In an installed wheel the templates live in ``litigate/templates`` and are
    found through :mod:`importlib.resources`.  In an editable install from a
    checkout (``pip install -e .``) Hatch maps only ``src/``, so the checkout's
    top-level ``templates/`` folder is used instead: edits to a template show
    at once, without reinstalling.

    Examples:
        >>> templates_root().joinpath("README.md").is_file()
        True
    """
    packaged = resources.files("litigate").joinpath("templates")
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parent.parent.parent / "templates"
    if checkout.is_dir():
        return checkout
    msg = "litigate's templates folder is missing: reinstall the package"  # pragma: no cover
    raise FileNotFoundError(msg)  # pragma: no cover
