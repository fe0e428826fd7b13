"""Write files whole or not at all.

Every output goes to a hidden temporary file in the same folder and is renamed into place, so a
crash or Ctrl-C leaves the previous file or nothing, never half a PDF.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from generator.errors import UsageProblem


def write_atomic(path: Path, data: bytes | str) -> Path:
    """Write `data` to `path` atomically and return `path`; a failure names `path`, never the
    temporary `.part` file it was being written to."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, 0o644)
        os.replace(tmp_name, path)
    except OSError as exc:  # a full disk or a read-only folder: name the file the user asked for
        Path(tmp_name).unlink(missing_ok=True)
        raise OSError(exc.errno, exc.strerror, str(path)) from None
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return path


def inside(folder: Path, name: str) -> Path:
    """`folder / name`, refusing any name that would land outside `folder`.

    The name itself is not resolved: a symlink already standing at `folder / name` is replaced by
    the new file (`os.replace` never follows it), so a planted link cannot redirect the write.
    """
    base = folder.resolve()
    target = base / name
    if not name or name in (".", "..") or Path(name).name != name or "\\" in name or "\x00" in name \
            or target.parent != base:
        raise UsageProblem(f"refusing to write {name!r} outside {folder}")
    return target
