"""A firm's override file for the tests: the ECtHR header and one fictional source."""

from __future__ import annotations

from pathlib import Path

ECTHR_HEAD = """
schema_version = 1
forum = "ecthr"
name = "European Court of Human Rights"

[[sources]]
id = "firm-memo"
title = "Firm memorandum (fictional)"
confidence = "{confidence}"
"""


def firm_file(
    tmp_path: Path, body: str, *, name: str = "firm.toml", confidence: str = "high"
) -> Path:
    """Write an ECtHR override file holding ``body`` under the header; return its path."""
    path = tmp_path / name
    path.write_text(ECTHR_HEAD.format(confidence=confidence) + body, encoding="utf-8")
    return path
