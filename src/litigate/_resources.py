"""Where the packaged templates are, and the one loader of packaged TOML data files."""

from __future__ import annotations

import functools
import tomllib
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from litigate.errors import RuleDataError


def packaged_toml(*parts: str) -> dict[str, Any]:
    """The parsed content of a TOML data file packaged in litigate.

    Every packaged data file (layouts, argument bank, UN data, observation and
    citation rules) is opened, parsed and refused here the same way; the caller
    then checks its content and reports problems under the same path.

    Args:
        parts: Its path inside the package, e.g. ``("drafts", "data", "layout.toml")``.

    Raises:
        RuleDataError: The file is missing, unreadable, not UTF-8 or not valid TOML;
            its ``path`` is ``litigate/<parts>``.

    Examples:
        >>> packaged_toml("drafts", "data", "un.toml")["version"]
        1
        >>> packaged_toml("drafts", "data", "absent.toml")
        Traceback (most recent call last):
        ...
        litigate.errors.RuleDataError: invalid data file litigate/drafts/data/absent.toml:
          cannot read it: ... @ $
    """
    label = "/".join(("litigate", *parts))
    try:
        with resources.files("litigate").joinpath(*parts).open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise RuleDataError([f"{exc} @ $"], path=label) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleDataError([f"cannot read it: {exc} @ $"], path=label) from exc


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
