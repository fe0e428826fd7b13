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
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import Any

from generator.batch import worker as packs
from generator.batch.worker import Outcome, Task
from generator.errors import UsageProblem
from generator.options import RunOptions, folder_files

try:
    from distributed import WorkerPlugin
except ImportError:  # `connect` tells the user how to install it
    WorkerPlugin = object  # type: ignore[assignment,misc]

CONNECT_TIMEOUT = "10s"
WORKERS_TIMEOUT = 60  # seconds to wait for a first worker when the scheduler has none
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

    held: OptionsPlugin = get_worker().plugins[plugin]  # type: ignore[assignment]
    return packs.make_pack(task, options=held.options)


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

    def __init__(self, client: Any, in_flight: int | None = None, *, owns_client: bool = False) -> None:
        self.client = client
        self.owns_client = owns_client
        self.workers = worker_threads(client)
        self.in_flight = in_flight or 2 * self.workers  # back-pressure: bytes are read as tasks go out
        self.futures: dict[Any, Task] = {}

    @classmethod
    def connect(cls, address: str) -> DaskExecutor:
        """An executor with its own client for the scheduler at `address`."""
        client = connect(address)
        try:
            return cls(client, owns_client=True)
        except BaseException:
            client.close()
            raise

    def _outcome(self, future: Any) -> Outcome:
        """The task's outcome; a task that kept killing workers or crashed becomes a failed one."""
        task = self.futures.pop(future)
        try:
            return future.result()
        except Exception as exc:
            from distributed import KilledWorker

            message = GAVE_UP if isinstance(exc, KilledWorker) else \
                f"the cluster could not make this pack ({type(exc).__name__}: {exc})"
            return Outcome(task.name, task.slug, error=message)

    def run(self, tasks: Iterator[Task], options: RunOptions) -> Iterator[Outcome]:
        """Submit the tasks, at most `in_flight` at a time, and yield outcomes as they finish."""
        from distributed import as_completed

        run_id = uuid.uuid4().hex[:8]
        plugin = f"prep-pack-options-{run_id}"
        templates = folder_files(options.templates) if options.templates else None
        shipped = dataclasses.replace(options, templates=None)  # a path on this machine means nothing there
        self.client.register_plugin(OptionsPlugin(plugin, shipped, templates), name=plugin)
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

    def close(self) -> None:
        """Close the client if this executor made it."""
        if self.owns_client:
            self.client.close()
