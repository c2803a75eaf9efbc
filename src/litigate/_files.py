"""Safe file writing: atomic replacement, never overwriting unless asked."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from litigate.errors import OverwriteRefusedError


def _mode_for(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o7777
    except FileNotFoundError:
        return 0o666 & ~_umask()


def _umask() -> int:
    """The process umask, read without changing it (``os.umask`` is not thread-safe)."""
    try:
        for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o022


def _refusal(target: Path) -> str:
    return f"{target} already exists and may hold edits; pass overwrite=True to replace it"


def write_atomic(path: str | os.PathLike[str], data: bytes, *, overwrite: bool = False) -> Path:
    """Write ``data`` to ``path`` atomically.

    The bytes go to a temporary file in the same folder, are flushed to disk,
    then renamed over the target, so a reader never sees a half-written file and
    an interruption leaves the old file (or nothing) in place.

    Args:
        path: The file to write.
        data: Its whole content.
        overwrite: Replace an existing file; without it an existing file is kept.

    Raises:
        OverwriteRefusedError: ``path`` exists and ``overwrite`` is false.
    """
    target = Path(path)
    if target.exists() and not overwrite:
        raise OverwriteRefusedError(_refusal(target), path=str(target))
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        # mkstemp creates the file private (0600): give it the mode the target had, or
        # the ordinary mode a new file would get under the user's umask.
        os.chmod(tmp, _mode_for(target))  # noqa: PTH101 - works on the open temporary file
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if not overwrite:
            # Re-check right before the rename: another process may have created it meanwhile.
            try:
                os.link(tmp, target)
            except FileExistsError:
                raise OverwriteRefusedError(_refusal(target), path=str(target)) from None
            except OSError:
                # File systems without hard links: fall back to a plain rename.
                Path(tmp).replace(target)
            else:
                Path(tmp).unlink()
        else:
            Path(tmp).replace(target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target
