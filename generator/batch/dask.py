"""`prep-pack batch --scheduler tcp://HOST:8786`: the same batch on a Dask distributed cluster.

Dask's scheduler places the tasks, retries them elsewhere when a worker dies and gives up on a
task that keeps killing workers (`KilledWorker`); this module only feeds it. Workers get the
input as bytes (`Task`) and return the pack's bytes (`Outcome`) from the very same
`worker.make_pack` the local pool runs, so a pack is identical wherever it was made and the
workers need no shared file system. Each worker process loads its templates, stylesheet and
fonts once (the `load_assets` cache) and reuses them.

`distributed` is an optional extra: `pip install 'prep-pack[dask]'`.
"""

from __future__ import annotations

import dataclasses
import logging
import shutil
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import CancelledError
from functools import partial
from pathlib import Path, PurePosixPath
from typing import Any

from generator.batch import worker as packs
from generator.batch.watch import POLL, Watch, ask, ready
from generator.batch.worker import PACK_TIMEOUT, Outcome, Task, timed_out
from generator.errors import UsageProblem
from generator.options import RunOptions, folder_files

try:
    from distributed import WorkerPlugin
except ImportError:  # `connect` tells the user how to install it
    WorkerPlugin = object  # type: ignore[assignment,misc]

CONNECT_TIMEOUT = "10s"
WORKERS_TIMEOUT = 60  # seconds to wait for a first worker when the scheduler has none
CUT_OFF = ("the connection to the Dask scheduler was lost while this pack was being made; run the same command "
           "with --resume once the scheduler is back")
GAVE_UP = ("the cluster gave up on this profile: every worker that tried to make its pack died "
           "(out of memory?); check the workers' logs")


class OptionsPlugin(WorkerPlugin):
    """Holds a run's options on every worker, including workers that join or restart later.

    Registered once per run: the brand (with its logo and reference document) and the files of a
    `--templates` folder travel to each worker once, not with every task, and survive a worker's
    death (unlike scattered data, which is lost with the last worker holding it). A worker writes
    the templates into a private folder of its own (`tempfile.mkdtemp`: mode 0700, an
    unpredictable name), uses that folder in its options, and removes it when the run ends.
    """

    def __init__(self, name: str, options: RunOptions, templates: dict[str, bytes] | None = None) -> None:
        self.name = name
        self.options = options        # its `templates` is set on the worker, from `templates`
        self.templates = templates    # a --templates folder's files, by relative path
        self.folder: Path | None = None

    def setup(self, worker: Any = None) -> None:
        """Write the templates (if any) once into this worker's private folder."""
        if self.templates is None or self.folder is not None:
            return
        self.folder = Path(tempfile.mkdtemp(prefix="prep-pack-templates-"))
        for name, data in self.templates.items():
            relative = PurePosixPath(name)
            if relative.is_absolute() or ".." in relative.parts:
                raise ValueError(f"refusing template file name {name!r}")
            target = self.folder.joinpath(*relative.parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        self.options = dataclasses.replace(self.options, templates=self.folder)

    def teardown(self, worker: Any = None) -> None:
        """Remove the private templates folder."""
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None


def make_pack_on_worker(task: Task, plugin: str) -> Outcome:
    """Run on a Dask worker: `worker.make_pack` with the options held by this run's plugin."""
    from distributed import get_worker

    worker = get_worker()
    held: OptionsPlugin = worker.plugins[plugin]  # type: ignore[assignment]
    return packs.make_pack(task, options=held.options, scratch=worker.local_directory)


def connect(address: str) -> Any:
    """A Dask client for the scheduler at `address`, or a plain usage error."""
    try:
        from distributed import Client
    except ImportError:
        raise UsageProblem("running on a Dask cluster needs the 'distributed' package; "
                           "install it with: pip install 'prep-pack[dask]'") from None
    logging.getLogger("distributed").setLevel(logging.CRITICAL)  # its tracebacks are ours to put in words
    try:
        return Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise UsageProblem(f"cannot reach the Dask scheduler at {address} ({exc}); is `dask scheduler` "
                           "running there, and can this machine reach its port?") from None


def worker_threads(client: Any) -> int:
    """The cluster's worker threads, after waiting a while for a first worker if it has none."""
    if not client.scheduler_info()["workers"]:
        try:
            client.wait_for_workers(1, timeout=WORKERS_TIMEOUT)
        except (TimeoutError, OSError):
            raise UsageProblem(f"the Dask scheduler has no workers (waited {WORKERS_TIMEOUT} s); start some "
                               "with: dask worker <scheduler address> --nthreads 1") from None
    return max(1, sum(w.get("nthreads", 1) for w in client.scheduler_info()["workers"].values()))


class DaskExecutor:
    """Submits one task per profile, keeping at most `in_flight` of them on the cluster at once.

    `DaskExecutor(client)` uses a client someone else owns; `DaskExecutor.connect(address)` makes
    its own, which `close()` closes.
    """

    def __init__(self, client: Any, in_flight: int | None = None, *, owns_client: bool = False,
                 timeout: float = PACK_TIMEOUT) -> None:
        self.client = client
        self.owns_client = owns_client
        self.timeout = timeout
        self.address = str(getattr(client.scheduler, "address", "") or "the Dask scheduler")  # kept for messages
        self.workers = worker_threads(client)
        self.in_flight = in_flight or 2 * self.workers  # back-pressure: bytes are read as tasks go out
        self.futures: dict[Any, Task] = {}

    @classmethod
    def connect(cls, address: str, timeout: float = PACK_TIMEOUT) -> DaskExecutor:
        """An executor with its own client for the scheduler at `address`."""
        client = connect(address)
        try:
            return cls(client, owns_client=True, timeout=timeout)
        except BaseException:
            client.close()
            raise

    def _outcome(self, future: Any) -> Outcome:
        """The task's outcome; a task that kept killing workers or crashed becomes a failed one."""
        task = self.futures.pop(future)
        try:
            return future.result()
        except CancelledError:  # by Dask itself: the connection to the scheduler was lost
            return Outcome(task.name, task.slug, error=CUT_OFF)
        except Exception as exc:
            from distributed import KilledWorker

            message = GAVE_UP if isinstance(exc, KilledWorker) else \
                f"the cluster could not make this pack ({type(exc).__name__}: {exc})"
            return Outcome(task.name, task.slug, error=message)

    def _overdue(self, watch: Watch) -> Iterator[Outcome]:
        """Give up on packs running past `--pack-timeout`: cancelled on the cluster, failed rows here."""
        keys = {future.key: future for future in self.futures if not future.done()}
        for key in watch.overdue(set(keys), self.timeout):
            future = keys[key]
            task = self.futures.pop(future)
            self._quietly(partial(self.client.cancel, [future], force=True))
            yield Outcome(task.name, task.slug, error=timed_out(self.timeout), seconds=self.timeout)

    def _submit(self, task: Task, plugin: str, key: str, finished: Any) -> bool:
        """Put a task on the cluster; False when the scheduler is gone (the task waits for it)."""
        if self.client.status != "running":
            return False
        try:
            future = self.client.submit(make_pack_on_worker, task, plugin, pure=False, retries=1, key=key)
        except Exception:
            if self.client.status == "running":
                raise
            return False  # closed between the look and the call
        self.futures[future] = task
        finished.add(future)
        return True

    def run(self, tasks: Iterator[Task], options: RunOptions) -> Iterator[Outcome]:
        """Submit the tasks, at most `in_flight` at a time, and yield outcomes as they finish.

        Once a second it looks at the cluster: a pack running past the timeout becomes a failed
        outcome, and a scheduler silent for `LOST_AFTER` seconds or a cluster without workers for
        `EMPTY_AFTER` raises `ClusterGone`. While the scheduler is away nothing is submitted.
        """
        from distributed import as_completed

        run_id = uuid.uuid4().hex[:8]
        plugin = f"prep-pack-options-{run_id}"
        templates = folder_files(options.templates) if options.templates else None
        shipped = dataclasses.replace(options, templates=None)  # a path on this machine means nothing there
        self.client.register_plugin(OptionsPlugin(plugin, shipped, templates), name=plugin)
        watch, source, finished = Watch(self), iter(tasks), as_completed(loop=self.client.loop)
        waiting: list[Task] = []  # read from the source, not yet on the cluster
        exhausted, looked = False, time.monotonic()
        try:
            while True:
                while len(self.futures) < self.in_flight and not exhausted:
                    if not waiting and (task := next(source, None)) is not None:
                        waiting.append(task)
                    if not waiting:
                        exhausted = True
                    elif self._submit(waiting[0], plugin, f"prep-pack-{run_id}-{waiting[0].name}", finished):
                        waiting.pop(0)
                    else:
                        break
                if exhausted and not waiting and not self.futures:
                    break
                for future in [f for f in ready(finished, POLL) if f in self.futures]:  # not given up on
                    yield self._outcome(future)
                if time.monotonic() - looked >= POLL:
                    looked = time.monotonic()
                    yield from self._overdue(watch)
                    watch.check()
        finally:
            self._quietly(partial(self.client.unregister_worker_plugin, plugin))

    def _quietly(self, call: Callable[[], Any]) -> None:
        """A call to a cluster that may be going away (`watch.ask`), its answer and any failure
        ignored: it is cleanup, and the run has a report to write."""
        ask(self.client, call)

    def stop(self) -> None:
        """Cancel every task still queued or running on the cluster (Ctrl-C, a lost cluster)."""
        if self.futures:
            futures = list(self.futures)
            self._quietly(partial(self.client.cancel, futures, force=True))
            self.futures.clear()

    def close(self) -> None:
        """Close the client if this executor made it; a scheduler that is gone does not hold us up."""
        if self.owns_client:
            try:
                self.client.close(timeout=5)
            except Exception:  # noqa: BLE001 - closing a connection to a cluster that is gone
                pass
