"""One writer at a time per output folder: a lock file that the operating system releases when
the process holding it ends (also after kill -9), so a stale lock never blocks anyone."""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

LOCK = ".prep-pack.lock"

if sys.platform == "win32":  # the same lock with Windows' own call; released if the process dies
    import msvcrt

    def _lock(handle: IO[str]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(handle: IO[str]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _lock(handle: IO[str]) -> None:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(handle: IO[str]) -> None:
        fcntl.flock(handle, fcntl.LOCK_UN)


@contextlib.contextmanager
def locked(folder: Path, busy: Exception, wait: float = 0.0) -> Iterator[None]:
    """Hold `<folder>/.prep-pack.lock`, waiting up to `wait` seconds for another holder to let go;
    raise `busy` when it does not."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_NOFOLLOW", 0)  # a planted link is not followed
    with os.fdopen(os.open(folder / LOCK, flags, 0o644), "a") as handle:
        deadline = time.monotonic() + wait
        while True:
            try:
                _lock(handle)
                break
            except OSError:
                if time.monotonic() >= deadline:
                    raise busy from None
                time.sleep(0.05)
        try:
            yield
        finally:
            _unlock(handle)
