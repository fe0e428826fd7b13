"""A one-line progress bar for long runs: count, rate and time left, redrawn in place.

It draws only when its stream is a terminal, so logs and pipes get the summary line alone.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import Any, TextIO


def _clock(seconds: float) -> str:
    """12 -> '0:12', 3725 -> '1:02:05'."""
    seconds = int(round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class ProgressBar:
    """`update(done, total, failed)` after each item; `close()` at the end."""

    def __init__(self, stream: TextIO | None = None, width: int = 28) -> None:
        self.stream = stream or sys.stdout
        self.width = width
        self.started = time.perf_counter()
        self.enabled = bool(getattr(self.stream, "isatty", lambda: False)())
        self.drawn = False

    def line(self, done: int, total: int, failed: int = 0, skipped: int = 0) -> str:
        """The text of the bar, e.g. '[#####.....] 12/50  1.9/s  0:20 left  2 failed'.

        The rate counts packs actually made: profiles skipped by `--resume` take no time and
        would make the time left look far too short.
        """
        elapsed = max(time.perf_counter() - self.started, 1e-6)
        filled = int(self.width * done / total) if total else self.width
        rate = (done - skipped) / elapsed
        left = _clock((total - done) / rate) if rate > 0 and done < total else ("0:00" if done >= total else "?")
        text = f"[{'#' * filled}{'.' * (self.width - filled)}] {done}/{total}  {rate:.1f}/s  {left} left"
        return text + (f"  {failed} failed" if failed else "")

    def update(self, done: int, total: int, failed: int = 0, skipped: int = 0) -> None:
        """Redraw the bar (terminal only)."""
        if self.enabled:
            self.stream.write("\r" + self.line(done, total, failed, skipped) + "\033[K")
            self.stream.flush()
            self.drawn = True

    def counter(self) -> Callable[[Any, int, int], None]:
        """A `progress(row, done, total)` callback for `run_batch`: counts failed and skipped rows
        (by each row's `status`) and redraws the bar."""
        counts = {"failed": 0, "skipped": 0}

        def show(row: Any, done: int, total: int) -> None:
            counts[row.status] = counts.get(row.status, 0) + 1
            self.update(done, total, counts["failed"], counts["skipped"])

        return show

    def close(self) -> None:
        """End the bar's line so the next output starts on a fresh one."""
        if self.drawn:
            self.stream.write("\n")
            self.stream.flush()
            self.drawn = False
