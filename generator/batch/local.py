"""The default executor: worker processes on this machine (`LocalPool`).

Workers are forked from a server that has WeasyPrint and the renderers loaded
(`PRELOAD`). Each worker is started with the run's options and loads its templates, stylesheet
and fonts once into its own `load_assets` cache (`worker.warm`); every task carries the same
frozen options, so a worker keeps no state of its own. A `--templates` folder is used where it
is: local workers read the path in the options.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from generator.batch.worker import PACK_TIMEOUT, Outcome, Task, make_pack, timed_out, warm
from generator.options import RunOptions

RECYCLE_AFTER = 40  # packs per local worker process before a fresh one takes over
# Imported once in the fork server, so every local worker starts with them loaded.
PRELOAD = ("generator.batch.worker", "generator.pipeline", "generator.render.pdf", "generator.render.docx",
           "generator.render.html", "generator.render.chart", "weasyprint", "PIL.Image")
HUNG_GRACE = 30.0  # seconds past --pack-timeout after which a worker deaf to its alarm is ended from outside
WORKER_DIED = ("the worker process making this pack stopped unexpectedly (out of memory, or a crash in a font "
               "or image library?); the other profiles were not affected")


def _die_with(parent: int) -> None:
    """Stop this worker when the batch that started it is gone (killed, crashed): no orphan keeps
    100+ MB and a candidate's data for minutes. The fork server, not the batch, is a worker's
    parent, so a thread looks for the batch's process once a second."""
    def watch() -> None:
        while True:
            time.sleep(1)
            try:
                os.kill(parent, 0)
            except ProcessLookupError:
                os._exit(1)
            except PermissionError:  # the number now belongs to someone else's process
                os._exit(1)

    threading.Thread(target=watch, name="prep-pack-parent-watch", daemon=True).start()


def _init_worker(options: RunOptions, parent: int, scratch: str | None) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides what Ctrl-C means
    _die_with(parent)
    if scratch:  # a worker killed mid-pack leaves its candidate's files here, where the run removes them
        tempfile.tempdir = scratch
    warm(options)


class _TimedOut(BaseException):
    """Raised inside a worker by its alarm; a BaseException, so no `except Exception` swallows it."""


def _timed(function: Callable[..., Outcome], task: Task, *, options: RunOptions, seconds: float) -> Outcome:
    """Run `function(task, options=...)` in this worker, stopping it after `seconds` (--pack-timeout).

    The alarm interrupts the pack's Python code wherever it is (WeasyPrint's layout, a template's
    loop); the pack's `finally` blocks still run, so its temporary files go. A worker stuck inside
    a C library for ever is ended from outside instead (`LocalPool`, `HUNG_GRACE`).
    """
    def alarm(_signum: int, _frame: Any) -> None:
        raise _TimedOut

    if not hasattr(signal, "setitimer"):  # Windows: only the outside limit applies
        return function(task, options=options)
    previous = signal.signal(signal.SIGALRM, alarm)
    try:
        try:
            signal.setitimer(signal.ITIMER_REAL, seconds)
            return function(task, options=options)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    except _TimedOut:
        return Outcome(task.name, task.slug, error=timed_out(seconds), seconds=seconds)
    finally:
        signal.signal(signal.SIGALRM, previous)


class LocalPool:
    """Worker processes on this machine, each running `function(task, options=...)`.

    Each worker is replaced after `RECYCLE_AFTER` packs, because WeasyPrint's memory grows a
    little with every document; at most `2 * workers` tasks are read into memory at a time.
    When a worker dies the whole pool breaks and we cannot tell which task killed it, so a fresh
    pool runs the tasks that were in flight again one at a time: the one that kills its worker
    alone is reported as failed, the others are made as usual. A pack that runs past `timeout`
    seconds is stopped by its worker's alarm and reported; when no pack at all finishes for
    `timeout` plus `HUNG_GRACE` seconds, a worker is stuck beyond its alarm, and the pool is
    ended and treated as one whose worker died.
    """

    def __init__(self, workers: int, function: Callable[..., Outcome] = make_pack, scratch: Path | None = None,
                 timeout: float = PACK_TIMEOUT) -> None:
        self.workers = workers
        self.function = function
        self.scratch = scratch  # the workers' temporary folder, inside the run's private staging folder
        self.timeout = timeout
        self.pool: ProcessPoolExecutor | None = None

    def _submit(self, pool: ProcessPoolExecutor, task: Task, options: RunOptions) -> Future:
        return pool.submit(_timed, self.function, task, options=options, seconds=self.timeout)

    def _next_done(self, pending: dict[Future, Task]) -> Future | None:
        """The next finished pack; None when none finished in time and the workers were ended."""
        try:
            return next(as_completed(pending, timeout=self.timeout + HUNG_GRACE))
        except TimeoutError:
            self.stop()
            return None

    def _start(self, options: RunOptions) -> ProcessPoolExecutor:
        if self.scratch is not None:
            self.scratch.mkdir(mode=0o700, parents=True, exist_ok=True)
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(list(PRELOAD))
        self.pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=context,
                                        max_tasks_per_child=RECYCLE_AFTER,
                                        initializer=_init_worker,
                                        initargs=(options, os.getpid(), str(self.scratch) if self.scratch else None))
        return self.pool

    def run(self, tasks: Iterator[Task], options: RunOptions) -> Iterator[Outcome]:
        """Make a pack of every task and yield the outcomes as they finish."""
        pool = self._start(options)
        pending: dict[Future, Task] = {}
        suspects: list[Task] = []   # were in flight when a worker died
        solo: Task | None = None    # the suspect now running alone
        source = iter(tasks)
        while True:
            if suspects or solo is not None:
                if solo is None:
                    solo = suspects.pop(0)
                    pending[self._submit(pool, solo, options)] = solo
            else:
                while len(pending) < 2 * self.workers and (queued := next(source, None)) is not None:
                    pending[self._submit(pool, queued, options)] = queued
            if not pending:
                break
            done = self._next_done(pending)
            try:
                if done is None:  # a worker stuck past its alarm: like a dead one, but say so
                    raise BrokenProcessPool("hung")
                task = pending[done]
                outcome = done.result()
                del pending[done]
            except BrokenProcessPool as broken:
                in_flight = list(pending.values())
                pending.clear()
                pool.shutdown(wait=False, cancel_futures=True)
                pool = self._start(options)
                if solo is not None:  # it killed (or hung) its worker while running alone: the culprit
                    error = timed_out(self.timeout) if str(broken) == "hung" else WORKER_DIED
                    yield Outcome(solo.name, solo.slug, error=error)
                    in_flight.remove(solo)
                    solo = None
                suspects.extend(in_flight)
                continue
            if task is solo:
                solo = None
            yield outcome
        pool.shutdown()

    def stop(self) -> None:
        """Cancel what has not started and end the workers at once."""
        if self.pool is None:
            return
        processes = list((getattr(self.pool, "_processes", None) or {}).values())  # None once shut down
        results = getattr(self.pool, "_result_queue", None)  # shutdown() forgets it
        self.pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            if process.is_alive():
                process.terminate()
        for process in processes:
            process.join(timeout=5)
        # A worker ended while writing its result leaves half a message in the result pipe, and the
        # pool's manager thread waits for the rest forever (and with it the exit of this process).
        # With the workers gone, closing our end of that pipe lets it read the end and finish.
        if results is not None:
            results._writer.close()
