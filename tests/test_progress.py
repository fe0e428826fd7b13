"""The batch progress bar: count, rate and time left on a terminal, silence elsewhere."""

from __future__ import annotations

import io

from generator.progress import ProgressBar, _clock


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_bar_shows_count_rate_time_left_and_failures(monkeypatch):
    bar = ProgressBar(Terminal(), width=10)
    monkeypatch.setattr(bar, "started", bar.started - 10)  # ten seconds in
    line = bar.line(20, 50, failed=2)
    assert line.startswith("[####......] 20/50")
    assert "2.0/s" in line and "0:15 left" in line and "2 failed" in line


def test_bar_redraws_in_place_on_a_terminal_and_ends_its_line():
    stream = Terminal()
    bar = ProgressBar(stream)
    bar.update(1, 3)
    bar.update(2, 3)
    bar.close()
    out = stream.getvalue()
    assert out.count("\r") == 2 and "2/3" in out and out.endswith("\n")


def test_bar_is_silent_when_not_a_terminal():
    stream = io.StringIO()
    bar = ProgressBar(stream)
    bar.update(1, 3)
    bar.close()
    assert stream.getvalue() == ""


def test_clock():
    assert (_clock(12), _clock(75), _clock(3725)) == ("0:12", "1:15", "1:02:05")


def test_counter_counts_failed_and_skipped_rows_for_the_bar(monkeypatch):
    from types import SimpleNamespace

    stream = Terminal()
    bar = ProgressBar(stream, width=10)
    monkeypatch.setattr(bar, "started", bar.started - 10)  # ten seconds in
    show = bar.counter()
    for done, status in enumerate(["ok", "failed", "skipped", "failed"], start=1):
        show(SimpleNamespace(status=status), done, 5)
    last = stream.getvalue().split("\r")[-1]
    assert last.startswith("[########..] 4/5") and "2 failed" in last
    assert "0.3/s" in last  # three made in ten seconds: the skipped one took no time
