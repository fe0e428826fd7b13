"""`prep-pack batch --scheduler tcp://HOST:8786`: the same batch on a Dask distributed cluster.

Dask's scheduler places the tasks, retries them elsewhere when a worker dies and gives up on a
task that keeps killing workers (`KilledWorker`); this module only feeds it. Workers get the
input as bytes (`batch.Task`) and return the pack's bytes (`batch.Outcome`) from the very same
`batch.make_pack` the local pool runs, so a pack is identical wherever it was made and the
workers need no shared file system. Each worker process builds its templates, stylesheet and
fonts once (`batch.assets_for`) and reuses them.

`distributed` is an optional extra: `pip install 'prep-pack[dask]'`.
"""

from __future__ import annotations

import uuid
from typing import Any, Iterator

from generator import batch
from generator.batch import Outcome, Settings, Task
from generator.errors import UsageProblem

try:
    from distributed import WorkerPlugin
except ImportError:  # `connect` tells the user how to install it
    WorkerPlugin = object  # type: ignore[assignment,misc]

CONNECT_TIMEOUT = "10s"
WORKERS_TIMEOUT = 60  # seconds to wait for a first worker when the scheduler has none


class SettingsPlugin(WorkerPlugin):
    """Holds a run's settings on every worker, including workers that join or restart later.

    Registered once per run: the brand's logo and reference document and a templates folder
    travel to each worker once, not with every task, and survive a worker's death (unlike
    scattered data, which is lost with the last worker holding it).
    """

    def __init__(self, name: str, settings: Settings) -> None:
        self.name = name
        self.settings = settings

    def setup(self, worker: Any) -> None:
        """Nothing to prepare; the settings arrived with the plugin."""

    def teardown(self, worker: Any) -> None:
        """Nothing to release."""


def make_pack_on_worker(task: Task, plugin: str) -> Outcome:
    """Run on a Dask worker: `batch.make_pack` with the settings held by this run's plugin."""
    from distributed import get_worker

    return batch.make_pack(task, get_worker().plugins[plugin].settings)


def connect(address: str) -> Any:
    """A Dask client for the scheduler at `address`, or a plain usage error."""
    try:
        from distributed import Client
    except ImportError:
        raise UsageProblem("running on a Dask cluster needs the 'distributed' package; "
                           "install it with: pip install 'prep-pack[dask]'") from None
    try:
        return Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise UsageProblem(f"cannot reach the Dask scheduler at {address} ({exc}); is `dask scheduler` "
                           "running there, and can this machine reach its port?") from None


class DaskExecutor:
    """Submits one task per profile, keeping at most `in_flight` of them on the cluster at once."""

    def __init__(self, client: Any, in_flight: int | None = None) -> None:
        self.client = client
        if not client.scheduler_info()["workers"]:
            try:
                client.wait_for_workers(1, timeout=WORKERS_TIMEOUT)
            except (TimeoutError, OSError):
                raise UsageProblem(f"the Dask scheduler has no workers (waited {WORKERS_TIMEOUT} s); start some "
                                   "with: dask worker <scheduler address> --nthreads 1") from None
        threads = sum(w.get("nthreads", 1) for w in client.scheduler_info()["workers"].values())
        self.workers = max(1, threads)
        self.in_flight = in_flight or 2 * self.workers  # back-pressure: bytes are read as tasks go out
        self.futures: dict[Any, Task] = {}

    def _outcome(self, future: Any) -> Outcome:
        """The task's outcome; a task that kept killing workers or crashed becomes a failed one."""
        task = self.futures.pop(future)
        try:
            return future.result()
        except Exception as exc:
            from distributed import KilledWorker

            if isinstance(exc, KilledWorker):
                message = ("the cluster gave up on this profile: every worker that tried to make its pack died "
                           "(out of memory?); check the workers' logs")
            else:
                message = f"the cluster could not make this pack ({type(exc).__name__}: {exc})"
            return Outcome(task.name, task.slug, error=message)

    def run(self, tasks: Iterator[Task], settings: Settings) -> Iterator[Outcome]:
        """Submit the tasks, at most `in_flight` at a time, and yield outcomes as they finish."""
        from distributed import as_completed

        run_id = uuid.uuid4().hex[:8]
        plugin = f"prep-pack-settings-{run_id}"
        self.client.register_plugin(SettingsPlugin(plugin, settings), name=plugin)
        try:
            finished = as_completed(loop=self.client.loop)
            for task in tasks:
                future = self.client.submit(make_pack_on_worker, task, plugin, key=f"prep-pack-{run_id}-{task.name}",
                                            pure=False, retries=1)
                self.futures[future] = task
                finished.add(future)
                if finished.count() >= self.in_flight:
                    yield self._outcome(next(finished))
            for future in finished:
                yield self._outcome(future)
        finally:
            try:
                self.client.unregister_worker_plugin(plugin)
            except Exception:  # noqa: BLE001 - cleanup on a cluster that may be going away
                pass

    def stop(self) -> None:
        """Cancel every task still queued or running on the cluster (Ctrl-C)."""
        if self.futures:
            self.client.cancel(list(self.futures), force=True)
            self.futures.clear()
