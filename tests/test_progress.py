"""The batch progress bar: on stderr, only on a terminal, with a time left from packs really made."""

from __future__ import annotations

import io
from types import SimpleNamespace

from rich.console import Console

from generator.progress import Estimate, ProgressBar, clock


def terminal() -> Console:
    return Console(file=io.StringIO(), force_terminal=True, width=100, color_system=None)


def test_clock():
    assert (clock(12), clock(75), clock(3725)) == ("0:12", "1:15", "1:02:05")


def test_the_estimate_counts_only_packs_really_made():
    estimate = Estimate(started=0)
    for status, seconds in (("ok", 2.0), ("failed", 0.001), ("skipped", 0.0), ("failed", 1.5)):
        estimate.count(status, seconds)
    assert estimate.made == 2 and estimate.failed == 2  # the instant failure and the skip take no time
    estimate.started = __import__("time").perf_counter() - 10  # ten seconds in
    assert round(estimate.rate(), 1) == 0.2
    assert estimate.left(4, 6) == "0:10" and estimate.left(6, 6) == "0:00"
    assert Estimate().left(0, 5) == "?"


def test_bar_draws_count_and_failures_on_a_terminal():
    console = terminal()
    bar = ProgressBar(console)
    show = bar.counter()
    for done, status in enumerate(["ok", "failed", "skipped"], start=1):
        show(SimpleNamespace(status=status, seconds=1.0), done, 5)
    bar.close()
    out = console.file.getvalue()
    assert "3/5" in out and "1 failed" in out and "left" in out


def test_bar_is_silent_when_not_a_terminal_or_quiet():
    for console, enabled in ((Console(file=io.StringIO(), force_terminal=False), True), (terminal(), False)):
        bar = ProgressBar(console, enabled=enabled)
        bar.counter()(SimpleNamespace(status="ok", seconds=1.0), 1, 3)
        bar.close()
        assert console.file.getvalue() == ""
