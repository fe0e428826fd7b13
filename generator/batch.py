"""`prep-pack batch`: a pack for every profile in a folder, in parallel, resumable.

How a run goes:
1. `plan_jobs` lists the profiles (every *.yaml/*.yml that is not a notes file), reads each one's
   slug cheaply and settles clashes before anything is rendered: the first profile (by name)
   keeps the slug, a later one with the same slug fails with a message saying which file won.
2. With `--resume`, a job whose folder holds a complete pack made from the same profile, notes,
   brand, templates and options (a content hash in `<slug>/.prep-pack.json`) is skipped.
3. The rest go to an executor: local worker processes (`LocalPool`, the default) or a Dask
   cluster (`generator.dask_executor`). Either way a worker gets the input *bytes* (a `Task`)
   and returns the pack's file bytes (an `Outcome`) from `make_pack`, so workers need no shared
   file system and a pack is the same wherever it was made.
4. This process writes each pack's files whole into a staging folder, then moves them into
   `<slug>/` with the manifest last (`publish`). A run killed at any moment leaves whole files
   only, and a folder without a current manifest is redone by the next `--resume`.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import fcntl
import hashlib
import io
import json
import multiprocessing
import os
import shutil
import signal
import tempfile
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Protocol

from weasyprint.urls import FatalURLFetchingError

from generator import __version__
from generator.atomic import write_atomic
from generator.brand import Brand
from generator.errors import InputError, PrepPackError, UsageProblem
from generator.notes import find_beside, is_notes_file
from generator.slug import pack_slug
from generator.yamlload import decode, parse_yaml, read_bytes

REPORT_FIELDS = ("profile", "slug", "status", "error", "seconds")
MANIFEST = ".prep-pack.json"
STAGING = ".prep-pack-staging"  # packs are written here and moved into place when whole
LOCK = ".prep-pack.lock"        # one batch at a time per output folder
RECYCLE_AFTER = 40  # packs per local worker process before a fresh one takes over
# Imported once in the fork server, so every local worker starts with them loaded.
PRELOAD = ["generator.batch", "generator.pipeline", "generator.render.pdf", "generator.render.docx",
           "generator.render.html", "weasyprint", "matplotlib.pyplot", "matplotlib.backends.backend_svg"]


# --- what travels between this process and the workers ------------------------------------------

@dataclass(frozen=True)
class Settings:
    """Everything about a run that is the same for every pack (given to each worker process once)."""

    formats: tuple[str, ...]
    today: dt.date
    pdf_variant: str = "pdf/ua-1"
    brand: Brand | None = None
    templates: dict[str, bytes] | None = None  # an override folder's files, by relative path
    templates_digest: str = "-"

    @property
    def options(self) -> str:
        """The part of every pack's hash that comes from the run's options."""
        brand = self.brand.digest if self.brand else "-"
        return (f"{__version__}|{','.join(self.formats)}|{self.pdf_variant}|{brand}|{self.templates_digest}|"
                f"{self.today.isoformat()}")


@dataclass(frozen=True)
class Task:
    """One profile to make a pack from, as bytes: a worker needs no access to our files."""

    name: str                          # the file name in the folder, as in the report
    folder: str                        # the folder as the user named it, for error messages
    profile: bytes
    notes: tuple[str, bytes] | None    # the notes file beside the profile, if any
    slug: str


@dataclass(frozen=True)
class Outcome:
    """What a worker returns: the pack's files, or the one-line reason it could not be made."""

    name: str
    slug: str
    files: dict[str, bytes] = field(default_factory=dict)
    error: str = ""
    warnings: tuple[str, ...] = ()
    seconds: float = 0.0


@dataclass
class Job:
    """One profile in the folder, as planned by this process."""

    profile: Path
    name: str
    slug: str | None = None   # None when the profile cannot even be read; it will fail validation
    digest: str = ""
    clash: str = ""           # set when an earlier profile already has this slug
    error: str = ""           # set when the file cannot be read at all (too big, not text, gone)

    def task(self, folder: Path) -> Task:
        """Read the profile and its notes into a `Task` (checked readable when the run was planned)."""
        notes = find_beside(self.profile)
        return Task(self.name, str(folder), _read(self.profile),
                    (notes.name, _read(notes)) if notes else None, self.slug or "")


@dataclass
class Row:
    """One line of report.csv."""

    profile: str
    slug: str
    status: str  # ok | failed | skipped
    error: str = ""
    seconds: float = 0.0

    def as_csv(self) -> list[str]:
        return [self.profile, self.slug, self.status, self.error, f"{self.seconds:.2f}"]


@dataclass
class BatchResult:
    """What a run did, in the order of the profiles."""

    rows: list[Row] = field(default_factory=list)
    total: int = 0
    seconds: float = 0.0
    workers: int = 1
    interrupted: bool = False
    report: Path | None = None

    def count(self, status: str) -> int:
        return sum(row.status == status for row in self.rows)


# --- planning -----------------------------------------------------------------------------------

def find_profiles(folder: Path, exclude: tuple[Path, ...] = ()) -> list[Path]:
    """Every profile in `folder`, sorted by name: *.yaml/*.yml, not notes files, not hidden,
    and not one of `exclude` (a brand file kept in the same folder is not a candidate)."""
    if not folder.is_dir():
        raise UsageProblem(f"{folder}: this folder does not exist")
    skip = {path.resolve() for path in exclude}
    found = sorted(p for p in folder.iterdir()
                   if p.suffix.lower() in (".yaml", ".yml") and not is_notes_file(p)
                   and not p.name.startswith(".") and p.is_file() and p.resolve() not in skip)
    if not found:
        raise UsageProblem(f"{folder}: no profiles (*.yaml or *.yml) found in this folder")
    return found


def peek_slug(profile: Path, data: bytes) -> str | None:
    """The slug a profile will get, read from its bytes without full validation (None if unreadable)."""
    try:
        parsed = parse_yaml(profile, decode(data))
    except PrepPackError:
        return None
    candidate = parsed.get("candidate") if isinstance(parsed, dict) else None
    application = parsed.get("application") if isinstance(parsed, dict) else None
    name = candidate.get("name") if isinstance(candidate, dict) else None
    company = application.get("company") if isinstance(application, dict) else None
    if not isinstance(name, str) or not isinstance(company, str):
        return None
    return pack_slug(name.strip(), company.strip())


def read_templates(folder: Path | None) -> tuple[dict[str, bytes] | None, str]:
    """An override folder's files (to send to workers) and their hash (for `--resume`)."""
    if folder is None:
        return None, "-"
    files = {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
             if p.is_file() and not any(part.startswith(".") or part.endswith("~")
                                         for part in p.relative_to(folder).parts)}  # no .git, swap files
    digest = hashlib.sha256()
    for name, data in files.items():
        digest.update(name.encode() + b"\0" + hashlib.sha256(data).digest())
    return files, digest.hexdigest()


def input_digest(profile: bytes, notes: tuple[str, bytes] | None, options: str) -> str:
    """A hash of everything a pack is made from, so `--resume` notices any change."""
    digest = hashlib.sha256(f"prep-pack|{options}|".encode())
    digest.update(profile)
    digest.update(b"|notes|" + (notes[0].encode() + b"|" + notes[1] if notes else b"-"))
    return digest.hexdigest()


def _read(path: Path) -> bytes:
    """A profile's or notes file's bytes, refused as `validate` would (over 1 MiB, not UTF-8 text)."""
    return read_bytes(path, "notes file" if is_notes_file(path) else "profile")


def _plan_one(profile: Path, options: str) -> Job:
    """One job: its slug and hash, or the reason its files cannot be read."""
    job = Job(profile, profile.name)
    try:
        data = _read(profile)
        beside = find_beside(profile)
        notes = (beside.name, _read(beside)) if beside else None
    except PrepPackError as exc:
        job.error = _one_line(exc)
        return job
    job.slug = peek_slug(profile, data)
    job.digest = input_digest(data, notes, options)
    return job


def _is_valid(profile: Path) -> bool:
    """True when a profile (with its notes) passes validation; used only to settle slug clashes."""
    from generator.validate import load_inputs

    try:
        load_inputs(profile)
    except PrepPackError:
        return False
    return True


def plan_jobs(folder: Path, options: str, exclude: tuple[Path, ...] = ()) -> list[Job]:
    """List the profiles, give each its slug and hash, and mark slug clashes.

    When several profiles give the same slug, the first *valid* one (by file name) keeps it; an
    invalid one goes on to fail with its own validation message, so a broken draft never costs
    a good profile its pack. Only clashing profiles are validated here, the rest in the workers.
    """
    jobs = [_plan_one(p, options) for p in find_profiles(folder, exclude)]
    by_slug: dict[str, list[Job]] = {}
    for job in jobs:
        if job.slug is not None:
            by_slug.setdefault(job.slug, []).append(job)
    for slug, group in by_slug.items():
        if len(group) < 2:
            continue
        valid = [job for job in group if _is_valid(job.profile)]
        for job in valid[1:]:
            job.clash = (f"gives the same pack name '{slug}' as {valid[0].name}, whose pack is kept; "
                         f"change the candidate or company name, or run it in a separate batch")
    return jobs


def is_complete(folder: Path, digest: str) -> bool:
    """True when `folder` holds a pack made from inputs with this hash, every file present."""
    try:
        manifest = json.loads((folder / MANIFEST).read_text("utf-8"))
    except (OSError, ValueError):
        return False
    return manifest.get("digest") == digest and all((folder / name).is_file() for name in manifest.get("files", []))


# --- the worker side: bytes in, bytes out --------------------------------------------------------

_ASSETS: dict[str, object] = {}  # per process: the Assets of each run's settings, built once
_ASSETS_LOCK = threading.Lock()  # a Dask worker may run tasks in several threads


def assets_for(settings: Settings):
    """This process's `Assets` for these settings: templates, stylesheet and fonts loaded once."""
    with _ASSETS_LOCK:
        return _assets_for(settings)


def _assets_for(settings: Settings):
    from generator.render.assets import Assets

    key = settings.options  # holds the brand's and the templates' content hashes
    if key not in _ASSETS:
        templates = None
        if settings.templates is not None:  # the override folder, written once per machine and content
            templates = Path(tempfile.gettempdir()) / f"prep-pack-templates-{settings.templates_digest[:20]}"
            for name, data in settings.templates.items():
                write_atomic(templates / name, data)
        assets = Assets(templates, settings.brand, settings.pdf_variant)
        if "pdf" in settings.formats:
            try:
                assets.weasy_css  # noqa: B018 - parse the stylesheet now, not inside the first pack
            except (Exception, FatalURLFetchingError):
                pass  # not cached: each pack meets the same problem and reports it in plain words
        _ASSETS.clear()
        _ASSETS[key] = assets
    return _ASSETS[key]


def _one_line(error: PrepPackError) -> str:
    """The message `validate` prints, on one line for the report."""
    if isinstance(error, InputError):
        return "; ".join(str(problem) for problem in error.problems)
    return " ".join(error.format_message().split())


def make_pack(task: Task, settings: Settings) -> Outcome:
    """Make one pack from bytes and return its files as bytes (runs in a worker process).

    The input is written to a private temporary folder under its own names, so notes are found
    beside the profile and error messages read as they would locally (the folder is renamed back).
    """
    from generator.pipeline import generate

    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="prep-pack-") as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        (folder / task.name).write_bytes(task.profile)
        if task.notes:
            (folder / task.notes[0]).write_bytes(task.notes[1])
        try:
            if not task.slug:  # unreadable: validation gives the located message
                from generator.validate import load_inputs
                load_inputs(folder / task.name)
                raise UsageProblem("the candidate's name and company could not be read")
            result = generate(folder / task.name, Path(tmp) / "out", settings.formats, today=settings.today,
                              assets=assets_for(settings))
            files = {path.name: path.read_bytes() for path in result.paths}
            return Outcome(task.name, task.slug, files, "", tuple(result.warnings), time.perf_counter() - started)
        except PrepPackError as exc:
            message = _one_line(exc).replace(str(folder), task.folder)
        except Exception as exc:  # a bug in prep-pack: report it for this profile, go on with the rest
            message = f"internal error ({type(exc).__name__}: {exc}); please report this with the profile"
        return Outcome(task.name, task.slug, {}, message, (), time.perf_counter() - started)


# --- this process: write what comes back ---------------------------------------------------------

def publish(staging: Path, target: Path) -> None:
    """Move a finished pack from `staging` into `target`, file by file, manifest last.

    The old manifest goes first, so a crash half-way leaves a folder that `--resume` redoes.
    Files of the old pack that the new one lacks are removed; anything else in the folder (a
    coach's edited copy) is left alone.
    """
    target.mkdir(parents=True, exist_ok=True)
    old_files: list[str] = []
    try:
        old_files = json.loads((target / MANIFEST).read_text("utf-8")).get("files", [])
    except (OSError, ValueError):
        pass
    (target / MANIFEST).unlink(missing_ok=True)
    new_files = [p.name for p in staging.iterdir() if p.name != MANIFEST]
    for name in new_files:
        os.replace(staging / name, target / name)
    for name in set(old_files) - set(new_files):
        if Path(name).name == name:
            (target / name).unlink(missing_ok=True)
    os.replace(staging / MANIFEST, target / MANIFEST)
    staging.rmdir()


def store(outcome: Outcome, job: Job, out_root: Path) -> Row:
    """Write a made pack into `<out_root>/<slug>/` whole, and say how it went."""
    if outcome.error:
        return Row(job.name, job.slug or "", "failed", outcome.error, outcome.seconds)
    staging = out_root / STAGING / outcome.slug
    shutil.rmtree(staging, ignore_errors=True)
    for name, data in outcome.files.items():
        write_atomic(staging / name, data)
    manifest = {"digest": job.digest, "profile": job.name, "files": sorted(outcome.files),
                "version": __version__}
    write_atomic(staging / MANIFEST, json.dumps(manifest, indent=2))
    publish(staging, out_root / outcome.slug)
    warnings = "; ".join(f"warning: {w}" for w in outcome.warnings)
    return Row(job.name, outcome.slug, "ok", warnings, outcome.seconds)


def write_report(path: Path, rows: list[Row]) -> Path:
    """Write report.csv (profile,slug,status,error,seconds) whole."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(REPORT_FIELDS)
    writer.writerows(row.as_csv() for row in rows)
    return write_atomic(path, buffer.getvalue())


# --- executors ----------------------------------------------------------------------------------

class Executor(Protocol):
    """Runs `make_pack` for many tasks and yields the outcomes as they finish."""

    workers: int

    def run(self, tasks: Iterator[Task], settings: Settings) -> Iterator[Outcome]: ...

    def stop(self) -> None: ...


_SETTINGS: Settings | None = None  # in a local worker process: the run's settings, from the initializer


def _init_local_worker(settings: Settings) -> None:
    global _SETTINGS
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides what Ctrl-C means
    _SETTINGS = settings
    assets_for(settings)


def make_local_pack(task: Task) -> Outcome:
    """`make_pack` with the settings this worker was started with (sent once, not with each task)."""
    assert _SETTINGS is not None, "started without _init_local_worker"
    return make_pack(task, _SETTINGS)


WORKER_DIED = ("the worker process making this pack stopped unexpectedly (out of memory, or a crash in a font "
               "or image library?); the other profiles were not affected")


class LocalPool:
    """Worker processes on this machine, forked from a server that has WeasyPrint loaded.

    Each worker is replaced after `RECYCLE_AFTER` packs, because WeasyPrint's memory grows a
    little with every document; at most `2 * workers` tasks are read into memory at a time.
    When a worker dies the whole pool breaks and we cannot tell which task killed it, so a fresh
    pool runs the tasks that were in flight again one at a time: the one that kills its worker
    alone is reported as failed, the others are made as usual.
    """

    def __init__(self, workers: int, function: Callable[[Task], Outcome] = make_local_pack) -> None:
        self.workers = workers
        self.function = function
        self.pool: ProcessPoolExecutor | None = None

    def _start(self, settings: Settings) -> ProcessPoolExecutor:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(PRELOAD)
        self.pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=context,
                                        max_tasks_per_child=RECYCLE_AFTER,
                                        initializer=_init_local_worker, initargs=(settings,))
        return self.pool

    def run(self, tasks: Iterator[Task], settings: Settings) -> Iterator[Outcome]:
        pool = self._start(settings)
        pending: dict[Future, Task] = {}
        suspects: list[Task] = []   # were in flight when a worker died
        solo: Task | None = None    # the suspect now running alone
        source = iter(tasks)
        while True:
            if suspects or solo is not None:
                if solo is None:
                    solo = suspects.pop(0)
                    pending[pool.submit(self.function, solo)] = solo
            else:
                while len(pending) < 2 * self.workers and (task := next(source, None)) is not None:
                    pending[pool.submit(self.function, task)] = task
            if not pending:
                break
            done = next(as_completed(pending))
            task = pending.pop(done)
            try:
                outcome = done.result()
            except BrokenProcessPool:
                in_flight = [task, *pending.values()]
                pending.clear()
                pool.shutdown(wait=False, cancel_futures=True)
                pool = self._start(settings)
                if solo is not None:  # it killed its worker while running alone: the culprit
                    solo = None
                    yield Outcome(task.name, task.slug, error=WORKER_DIED)
                else:
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
        processes = list(getattr(self.pool, "_processes", {}).values())
        self.pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            if process.is_alive():
                process.terminate()
        for process in processes:
            process.join(timeout=5)


# --- the run ------------------------------------------------------------------------------------

def run_batch(folder: Path, out_root: Path, formats: tuple[str, ...], today: dt.date,
              workers: int | None = None, brand: Brand | None = None, resume: bool = False,
              templates: Path | None = None, progress: Callable[[Row, int, int], None] | None = None,
              pdf_variant: str = "pdf/ua-1", executor: Executor | None = None,
              exclude: tuple[Path, ...] = ()) -> BatchResult:
    """Make every pack of `folder` into `out_root`, write report.csv, return what happened.

    `progress(row, done, total)` is called after each profile. On Ctrl-C the workers are
    stopped, the profiles not made get a `failed` row saying so, and `interrupted` is set.
    `exclude` names files in `folder` that are not profiles (the brand file, if it lives there).
    """
    started = time.perf_counter()
    bundle, bundle_digest = read_templates(templates)
    settings = Settings(formats, today, pdf_variant, brand, bundle, bundle_digest)
    jobs = plan_jobs(folder, settings.options, exclude)
    try:
        out_root.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageProblem(f"{out_root}: cannot create the output folder ({exc.strerror})") from None
    with _locked(out_root):
        result = _run(jobs, folder, out_root, settings, workers, resume, progress, executor)
    result.seconds = time.perf_counter() - started
    return result


@contextlib.contextmanager
def _locked(out_root: Path) -> Iterator[None]:
    """Hold `<out_root>/.prep-pack.lock`, so two batches never write into one folder at once."""
    with open(out_root / LOCK, "a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise UsageProblem(f"{out_root}: another prep-pack batch is writing into this folder; "
                               "wait for it to finish or choose another -o folder") from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _run(jobs: list[Job], folder: Path, out_root: Path, settings: Settings, workers: int | None, resume: bool,
         progress: Callable[[Row, int, int], None] | None, executor: Executor | None) -> BatchResult:
    rows: dict[str, Row] = {}
    total = len(jobs)

    def finished(row: Row) -> None:
        rows[row.profile] = row
        if progress:
            progress(row, len(rows), total)

    shutil.rmtree(out_root / STAGING, ignore_errors=True)  # half-written packs of a killed run
    todo: dict[str, Job] = {}
    for job in jobs:
        if job.error or job.clash:
            finished(Row(job.name, job.slug or "", "failed", job.error or job.clash))
        elif resume and job.slug and is_complete(out_root / job.slug, job.digest):
            finished(Row(job.name, job.slug, "skipped", "unchanged since the last run"))
        else:
            todo[job.name] = job
    if executor is None:
        executor = LocalPool(max(1, min(workers or os.cpu_count() or 1, len(todo) or 1)))
    result = BatchResult(total=total, workers=executor.workers)
    if todo:
        try:
            for outcome in executor.run((job.task(folder) for job in todo.values()), settings):
                finished(store(outcome, todo[outcome.name], out_root))
        except BaseException as exc:
            executor.stop()
            if not isinstance(exc, KeyboardInterrupt):
                raise
            result.interrupted = True
            for job in jobs:
                rows.setdefault(job.name, Row(job.name, job.slug or "", "failed",
                                              "not made: the run was interrupted; run again with --resume"))
        finally:
            shutil.rmtree(out_root / STAGING, ignore_errors=True)
    result.rows = [rows[job.name] for job in jobs if job.name in rows]
    result.report = write_report(out_root / "report.csv", result.rows)
    return result
