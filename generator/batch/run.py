"""One batch run: plan, pick the executor, make the packs, publish them, write the report."""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Protocol

from generator.batch.local import LocalPool
from generator.batch.overview import write_overview
from generator.batch.plan import Job, plan_jobs
from generator.batch.publish import STAGING, clear_staging, is_complete, locked, make_out_dir, store, stored_overview
from generator.batch.report import INTERRUPTED, BatchResult, ReportRow, write_report
from generator.batch.worker import PACK_TIMEOUT, ExecutorStopped, Outcome, Task, one_line
from generator.csvtext import default_dialect
from generator.errors import PrepPackError, UsageProblem, visible
from generator.language import DEFAULT_LANGUAGE
from generator.options import RunOptions

Progress = Callable[[ReportRow, int, int], None]


class Executor(Protocol):
    """Runs `make_pack` for many tasks and yields the outcomes as they finish."""

    workers: int

    def run(self, tasks: Iterator[Task], options: RunOptions) -> Iterator[Outcome]: ...

    def stop(self) -> None: ...


DASK_SCHEMES = frozenset({"tcp", "tls", "inproc", "ucx", "ws", "wss"})  # what distributed can connect over


def dask_address(executor: str | None, scheduler: str | None, workers: int | None) -> str | None:
    """The Dask scheduler to run on (None: run locally), or a usage error for a combination that
    cannot work. `executor` is "local", "dask" or None (None: "dask" when a scheduler is given)."""
    if executor not in (None, "local", "dask"):
        raise UsageProblem(f"unknown executor '{executor}'; choose local or dask")
    if scheduler and executor == "local":
        raise UsageProblem("--scheduler runs the batch on a Dask cluster; leave out --executor local, or --scheduler")
    if not scheduler and executor != "dask":
        return None
    address = scheduler or os.environ.get("DASK_SCHEDULER_ADDRESS")
    if not address:
        raise UsageProblem("--executor dask needs --scheduler ADDRESS or $DASK_SCHEDULER_ADDRESS")
    if workers:
        raise UsageProblem("--workers sizes the local pool; on a cluster, start as many `dask worker` "
                           "processes as you want instead")
    scheme = address.split("://", 1)[0].lower() if "://" in address else "tcp"
    if scheme not in DASK_SCHEMES:  # refused here: Dask itself would hang 20 s and print a traceback
        raise UsageProblem(f"{visible(address)}: '{visible(scheme)}' is not a Dask address; "
                           f"write it as tcp://HOST:PORT (or {', '.join(sorted(DASK_SCHEMES - {'tcp'}))})")
    return address


@contextlib.contextmanager
def _executor(executor: str | Executor | None, scheduler: str | None, workers: int | None,
              scratch: Path | None = None, timeout: float = PACK_TIMEOUT) -> Iterator[Callable[[int], Executor]]:
    """A function from the number of packs to make to the executor that makes them.

    Checks the combination first; connects to a Dask cluster at once (so a wrong address is
    reported before anything is written) and closes that connection at the end. An `Executor`
    object (a test's, or an embedding program's) is used as it is.
    """
    if executor is not None and not isinstance(executor, str):
        yield lambda _count: executor
        return
    address = dask_address(executor, scheduler, workers)
    if address is None:
        yield lambda count: LocalPool(max(1, min(workers or os.cpu_count() or 1, count or 1)), scratch=scratch,
                                      timeout=timeout)
        return
    from generator.batch.dask import DaskExecutor

    cluster = DaskExecutor.connect(address, timeout=timeout)
    try:
        yield lambda _count: cluster
    finally:
        cluster.close()


def run_batch(folder: Path, *, out_dir: Path, options: RunOptions, workers: int | None = None,
              resume: bool = False, progress: Progress | None = None, executor: str | Executor | None = None,
              scheduler: str | None = None, exclude: tuple[Path, ...] = (),
              pack_timeout: float = PACK_TIMEOUT) -> BatchResult:
    """Make every pack of `folder` into `out_dir`, write report.csv, return what happened.

    `executor` is "local" (worker processes here, `workers` of them, default the number of
    cores), "dask" (the cluster at `scheduler`, else $DASK_SCHEDULER_ADDRESS), None (local, or
    dask when `scheduler` is given) or an `Executor` object. `progress(row, done, total)` is
    called after each profile. On Ctrl-C the workers are stopped, the profiles not made get a
    `failed` row saying so, and `interrupted` is set. `exclude` names files in `folder` that are
    not profiles (the brand file, if it lives there). A pack that takes longer than
    `pack_timeout` seconds is stopped and gets a `failed` row.
    """
    started = time.perf_counter()
    scratch = out_dir / STAGING / "scratch"  # removed with the staging folder, also after a killed run
    with _executor(executor, scheduler, workers, scratch, pack_timeout) as choose, _terminate_as_interrupt():
        jobs = plan_jobs(folder, options=options, exclude=exclude)
        make_out_dir(out_dir)
        with locked(out_dir):
            result = _Run(jobs, folder, out_dir, progress).run(options, resume, choose)
    result.seconds = time.perf_counter() - started
    return result


@contextlib.contextmanager
def _terminate_as_interrupt() -> Iterator[None]:
    """While a batch runs, SIGTERM (a service manager stopping it, `kill`) is handled as Ctrl-C:
    the workers stop, the unmade profiles are `interrupted` rows, and the report is written."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(_signum: int, _frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


NO_EMAIL = "warning: no usable e-mail address in the profile (candidate.email), so no draft was written"
DRAFT_FAILED = "warning: the e-mail draft could not be written ({problem})"


def _add_draft(outcome: Outcome, options: RunOptions) -> str:
    """Put the delivery draft among the pack's files (`--emails`); the warning for the row when
    there is none. A draft that cannot be made costs only the draft, never the batch."""
    from generator.batch.emails import draft

    try:
        message = draft(outcome.overview, outcome.files, options.brand, options.today, options.templates)
        if message is None:
            return NO_EMAIL
        outcome.files[f"{outcome.slug}.eml"] = message.as_bytes()
    except (ValueError, TypeError, LookupError) as problem:  # a header the email package refuses
        return DRAFT_FAILED.format(problem=" ".join(str(problem).split())[:200])
    return ""


class _Run:
    """The rows of one run as they come in, in a dict by profile name."""

    def __init__(self, jobs: list[Job], folder: Path, out_dir: Path, progress: Progress | None) -> None:
        self.jobs, self.folder, self.out_dir, self.progress = jobs, folder, out_dir, progress
        self.rows: dict[str, ReportRow] = {}
        self.stopped = ""  # the executor's reason for giving up part-way

    def finished(self, row: ReportRow) -> None:
        self.rows[row.profile] = row
        if self.progress:
            self.progress(row, len(self.rows), len(self.jobs))

    def _todo(self, resume: bool) -> dict[str, Job]:
        """The jobs to make; the others (unreadable, clashing, unchanged) get their row now."""
        todo: dict[str, Job] = {}
        for job in self.jobs:
            if job.error or job.clash:
                self.finished(ReportRow(job.name, job.slug or "", "failed", job.error or job.clash))
            elif resume and job.slug and is_complete(self.out_dir / job.slug, job.digest):
                self.finished(ReportRow(job.name, job.slug, "skipped", "unchanged since the last run",
                                        overview=stored_overview(self.out_dir / job.slug)))
            else:
                todo[job.name] = job
        return todo

    def _tasks(self, todo: dict[str, Job]) -> Iterator[Task]:
        """Each job's input, read as its turn comes; a file gone, grown too big or unreadable since
        the run was planned costs its own row, never the batch."""
        for job in todo.values():
            try:
                yield job.task(self.folder)
            except PrepPackError as exc:
                self.finished(ReportRow(job.name, job.slug or "", "failed", one_line(exc)))
            except OSError as exc:
                self.finished(ReportRow(job.name, job.slug or "", "failed",
                                        f"{job.name}: cannot be read any more ({exc.strerror or exc})"))

    def _make(self, todo: dict[str, Job], executor: Executor, options: RunOptions) -> bool:
        """Make and publish every pack of `todo`; False when Ctrl-C stopped the run."""
        try:
            for outcome in executor.run(self._tasks(todo), options):
                warning = _add_draft(outcome, options) if options.emails and not outcome.error else ""
                try:
                    row = store(outcome, todo[outcome.name], self.out_dir)
                except OSError as exc:  # this pack's folder cannot be written, or the disk is full
                    job = todo[outcome.name]
                    row = ReportRow(job.name, job.slug or "", "failed", f"{exc.filename or self.out_dir}: the pack "
                                    f"could not be written ({exc.strerror or exc})", outcome.seconds)
                row.error = "; ".join(filter(None, [row.error, warning]))
                self.finished(row)
        except ExecutorStopped as exc:  # the rest fail with the reason; the report is still written
            executor.stop()
            self.stopped = str(exc)
            for job in self.jobs:
                self.rows.setdefault(job.name, ReportRow(job.name, job.slug or "", "failed", self.stopped))
        except BaseException as exc:
            executor.stop()
            if not isinstance(exc, KeyboardInterrupt):
                raise
            for job in self.jobs:
                self.rows.setdefault(job.name, ReportRow(job.name, job.slug or "", "interrupted", INTERRUPTED))
            return False
        finally:
            clear_staging(self.out_dir)
        return True

    def run(self, options: RunOptions, resume: bool, choose: Callable[[int], Executor]) -> BatchResult:
        clear_staging(self.out_dir)  # half-written packs of a killed run
        todo = self._todo(resume)
        executor = choose(len(todo))
        result = BatchResult(total=len(self.jobs), workers=executor.workers)
        if todo:
            result.interrupted = not self._make(todo, executor, options)
            result.stopped = self.stopped
        result.rows = [self.rows[job.name] for job in self.jobs if job.name in self.rows]
        language = options.language or DEFAULT_LANGUAGE  # a batch speaks Dutch unless --lang says otherwise
        dialect = options.csv_dialect or default_dialect(language)
        result.report = write_report(self.out_dir / "report.csv", result.rows, dialect)
        result.overview = write_overview(self.out_dir, result.rows, options, language, dialect)[0]
        return result
