"""Reading the reference data files shipped in ``litigate/data``."""

from __future__ import annotations

import tomllib
from importlib import resources
from typing import Any

from litigate.errors import RuleDataError


def read_packaged_toml(name: str) -> dict[str, Any]:
    """Read ``litigate/data/<name>`` as TOML (refusing anything that is not valid TOML)."""
    resource = resources.files("litigate").joinpath("data", name)
    try:
        with resource.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise RuleDataError([f"{exc} @ $"], path=f"litigate/data/{name}") from exc
