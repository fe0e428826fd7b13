"""Write files whole or not at all, and a pack's files together or not at all.

Every output goes to a hidden temporary file in the same folder and is renamed into place, so a
crash or Ctrl-C leaves the previous file or nothing, never half a PDF. Inside `one_unit` the
renames wait until every file of the block is written, and happen under the folder's lock: a
full disk half-way leaves the old pack, and two runs into one folder never mix their files.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import tempfile
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from pathlib import Path

from generator.errors import UsageProblem
from generator.folderlock import locked

_staged: ContextVar[list[tuple[str, Path]] | None] = ContextVar("staged", default=None)
UNIT_WAIT = 30.0  # seconds to wait for another run to finish moving its files into the same folder


@contextlib.contextmanager
def one_unit(folder: Path, check: Callable[[], None] | None = None) -> Iterator[None]:
    """Files written by `write_atomic` in this block appear in `folder` together at its end, or
    not at all when it fails. `check` runs under the folder's lock just before they appear (it may
    refuse, with a `UsageProblem`, and then nothing appears)."""
    staged: list[tuple[str, Path]] = []
    token = _staged.set(staged)
    try:
        yield
        _staged.reset(token)
        busy = UsageProblem(f"{folder}: another prep-pack run has been writing into this folder for "
                            f"{UNIT_WAIT:g} s; wait for it to finish or choose another -o folder")
        with locked(folder, busy, wait=UNIT_WAIT):
            if check is not None:
                check()
            _move_all(staged)
    finally:
        if _staged.get() is staged:
            _staged.reset(token)
        for part, _path in staged:  # not moved into place: the block failed
            Path(part).unlink(missing_ok=True)


def _move_all(staged: list[tuple[str, Path]]) -> None:
    """Move each part file onto its name, all or none: the files already there step aside first
    (`.<name>.<random>.old`) and come back if any move fails (a file open in Word on Windows);
    `staged` is emptied as parts are moved."""
    moved: list[tuple[Path, Path | None]] = []
    path = Path()
    try:
        while staged:
            part, path = staged[0]
            backup = path.with_name(f".{path.name}.{secrets.token_hex(4)}.old") if os.path.lexists(path) else None
            if backup is not None:
                os.replace(path, backup)
            moved.append((path, backup))
            os.replace(part, path)
            staged.pop(0)
    except OSError as exc:
        for done, backup in reversed(moved):  # put back what was there; remove what was not
            if backup is not None:
                os.replace(backup, done)
            else:
                done.unlink(missing_ok=True)
        raise OSError(exc.errno, exc.strerror, str(path)) from None
    for _path, backup in moved:
        if backup is not None:
            backup.unlink(missing_ok=True)


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
        if (staged := _staged.get()) is not None:  # inside one_unit: moved into place at its end
            staged.append((tmp_name, path))
            return path
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
