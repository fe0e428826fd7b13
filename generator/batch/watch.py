"""Keeping an eye on a Dask cluster during a batch: is the scheduler answering, are there workers,
how long has each pack been running? Every call to the cluster gets a time limit, so a scheduler
that is gone, paused or unreachable stops the run with a message instead of holding it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from functools import partial
from typing import Any, Protocol

from generator.batch.worker import ExecutorStopped

POLL = 1.0          # seconds between looks at the cluster
ANSWER_WITHIN = 5.0  # seconds a cluster call may take before it counts as no answer
LOST_AFTER = 30.0   # seconds without an answer from the scheduler before the run stops
EMPTY_AFTER = 60.0  # seconds with no worker left before the run stops
SCHEDULER_LOST = ("lost the Dask scheduler at {address}: no answer for {seconds:g} s; the packs not made yet are "
                  "marked failed; start the scheduler again and run the same command with --resume")
NO_WORKERS = ("the Dask cluster at {address} has had no workers for {seconds:g} s (did they die, out of memory?); "
              "the packs not made yet are marked failed; start workers and run the same command with --resume")


class Watched(Protocol):
    """What the watch needs of an executor: its client, and the scheduler's address for messages."""

    client: Any
    address: str


class ClusterGone(ExecutorStopped):
    """The cluster stopped working mid-run (scheduler unreachable, no workers): the unmade packs
    fail with this message and the run writes its report."""


def within(seconds: float, call: Callable[[], Any]) -> tuple[bool, Any]:
    """Run `call` in a helper thread: (True, its result) when it answered within `seconds`, else
    (False, None), also when it failed. A scheduler that is paused or unreachable without closing
    the connection would otherwise hold the run (and Ctrl-C) for ever."""
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["value"] = call()
        except Exception:  # noqa: BLE001 - any failure means "no answer"
            box["failed"] = True

    thread = threading.Thread(target=target, name="prep-pack-cluster-call", daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive() or "failed" in box:
        return False, None
    return True, box.get("value")


def ask(client: Any, call: Callable[[], Any]) -> tuple[bool, Any]:
    """`within(ANSWER_WITHIN, call)`, or no answer at once when the client has no scheduler."""
    return within(ANSWER_WITHIN, call) if client.status == "running" else (False, None)


def _executing(dask_worker: Any) -> list[str]:
    """Run on each worker: the keys its threads are running now (not those waiting their turn)."""
    return [str(state.key) for state in dask_worker.state.executing]


class Watch:
    """How long the cluster has been unwell, and how long each pack has been running."""

    def __init__(self, executor: Watched) -> None:
        self.executor = executor
        self.unwell: dict[str, float] = {}   # condition -> since when
        self.running: dict[str, float] = {}  # task key -> since when a worker thread runs it

    def _since(self, condition: str, now: float, present: bool) -> float:
        """Seconds `condition` has held (0 when it does not)."""
        if not present:
            self.unwell.pop(condition, None)
            return 0.0
        return now - self.unwell.setdefault(condition, now)

    def check(self) -> None:
        """Raise `ClusterGone` when the scheduler has not answered, or no worker has been left, too long."""
        client, now, address = self.executor.client, time.monotonic(), self.executor.address
        answered, info = ask(client, client.scheduler_info)
        if self._since("lost", now, not answered) > LOST_AFTER:
            raise ClusterGone(SCHEDULER_LOST.format(address=address, seconds=LOST_AFTER))
        empty = answered and not (info or {}).get("workers")
        if self._since("empty", now, bool(empty)) > EMPTY_AFTER:
            raise ClusterGone(NO_WORKERS.format(address=address, seconds=EMPTY_AFTER))

    def overdue(self, keys: set[str], limit: float) -> set[str]:
        """The keys of packs a worker thread has been running for more than `limit` seconds. Time
        waiting for a thread does not count, and a pack run again after a worker died starts afresh."""
        client, now = self.executor.client, time.monotonic()
        answered, executing = ask(client, partial(client.run, _executing, on_error="ignore"))
        if not answered:
            return set()
        running = {key for found in (executing or {}).values() if isinstance(found, list) for key in found} & keys
        self.running = {key: self.running.get(key, now) for key in running}
        return {key for key, since in self.running.items() if now - since > limit}


def ready(finished: Any, seconds: float) -> list[Any]:
    """The futures of `finished` (a distributed `as_completed`) that finish within `seconds`, maybe
    none: a wait that lets the run look up at the cluster."""
    deadline = time.monotonic() + seconds
    while not finished.has_ready() and time.monotonic() < deadline:
        time.sleep(0.02)
    return list(finished.next_batch(block=False))
