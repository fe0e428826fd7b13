"""The batch progress bar: a rich progress bar on stderr, redrawn twice a second.

Results go to stdout and this bar to stderr, so `prep-pack batch ... > log` keeps the bar on the
screen and the summary in the log. It draws only on a terminal (and never with `--quiet`); rich
honours NO_COLOR. The time left is worked out from the packs actually made: profiles skipped by
`--resume` and profiles refused at once (a bad file) take no time and would make the estimate jump.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task, TextColumn
from rich.text import Text

MADE = 0.05  # a row that took longer than this (seconds) was really rendered


def clock(seconds: float) -> str:
    """12 -> '0:12', 3725 -> '1:02:05'."""
    seconds = int(round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class Estimate:
    """Rate and time left from the packs made so far, not from every row."""

    def __init__(self, started: float | None = None) -> None:
        self.started = time.perf_counter() if started is None else started
        self.made = 0
        self.failed = 0

    def count(self, status: str, seconds: float) -> None:
        """Take one finished row into account."""
        self.failed += status == "failed"
        self.made += status != "skipped" and seconds > MADE

    def rate(self) -> float:
        """Packs made per second of wall time."""
        return self.made / max(time.perf_counter() - self.started, 1e-6)

    def left(self, done: int, total: int) -> str:
        """'0:15' left, '0:00' when done, '?' before the first pack is made."""
        if done >= total:
            return "0:00"
        rate = self.rate()
        return clock((total - done) / rate) if rate > 0 else "?"


class _Left(ProgressColumn):
    """'1.9/s  0:20 left  2 failed', refreshed with the bar."""

    def __init__(self, estimate: Estimate) -> None:
        super().__init__()
        self.estimate = estimate

    def render(self, task: Task) -> Text:
        total = int(task.total or 0)
        text = f"{self.estimate.rate():.1f}/s  {self.estimate.left(int(task.completed), total)} left"
        if self.estimate.failed:
            text += f"  {self.estimate.failed} failed"
        return Text(text)


class ProgressBar:
    """`counter()` gives the callback `run_batch` calls after each row; `close()` at the end."""

    def __init__(self, console: Console | None = None, enabled: bool = True) -> None:
        self.console = console or Console(stderr=True)
        self.estimate = Estimate()
        self.progress = Progress(TextColumn("{task.description}"), BarColumn(bar_width=28), MofNCompleteColumn(),
                                 _Left(self.estimate), console=self.console, refresh_per_second=2,
                                 disable=not (enabled and self.console.is_terminal))
        self.task: Any = None

    def counter(self) -> Callable[[Any, int, int], None]:
        """A `progress(row, done, total)` callback for `run_batch`."""
        def show(row: Any, done: int, total: int) -> None:
            self.estimate.count(row.status, getattr(row, "seconds", 0.0))
            if self.task is None:
                self.progress.start()
                self.task = self.progress.add_task("packs", total=total)
            self.progress.update(self.task, completed=done, total=total)

        return show

    def close(self) -> None:
        """Stop redrawing and leave the last state of the bar on the screen."""
        self.progress.stop()
