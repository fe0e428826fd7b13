"""`prep-pack batch`: a pack for every profile in a folder, in parallel, resumable.

How a run goes:
1. `plan_jobs` lists the profiles (every *.yaml/*.yml that is not a notes file), reads each one's
   slug cheaply and settles clashes before anything is rendered: the first profile (by name)
   keeps the slug, a later one with the same slug fails with a message saying which file won.
2. With `--resume`, a job whose folder holds a complete pack made from the same profile, notes,
   brand and formats (a content hash in `<slug>/.prep-pack.json`) is skipped.
3. The rest run in worker processes. Each worker builds its `Assets` (templates, one WeasyPrint
   stylesheet, one font configuration) once and reuses them, and is replaced after
   `RECYCLE_AFTER` packs because WeasyPrint's memory grows a little with every document.
4. A pack is made in a staging folder and moved into `<slug>/` only when whole (manifest
   included), so a run killed at any moment leaves each pack old, new or absent, never mixed;
   the next `--resume` redoes exactly the packs that are missing or out of date.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import multiprocessing
import os
import shutil
import signal
import time
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from generator import __version__
from generator.atomic import write_atomic
from generator.brand import Brand
from generator.errors import InputError, PrepPackError, UsageProblem
from generator.notes import find_beside, is_notes_file
from generator.slug import pack_slug
from generator.yamlload import load_yaml_mapping

REPORT_FIELDS = ("profile", "slug", "status", "error", "seconds")
MANIFEST = ".prep-pack.json"
STAGING = ".prep-pack-staging"  # packs are made here and moved into place when whole
RECYCLE_AFTER = 40  # packs per worker process before a fresh one takes over
# Imported once in the fork server, so every worker starts with them loaded.
PRELOAD = ["generator.batch", "generator.pipeline", "generator.render.pdf", "generator.render.docx",
           "generator.render.html", "weasyprint", "matplotlib.pyplot", "matplotlib.backends.backend_svg"]


@dataclass
class Job:
    """One profile to turn into a pack."""

    profile: Path
    name: str                 # as shown in the report: the file name inside the folder
    slug: str | None = None   # None when the profile cannot even be read; it will fail validation
    digest: str = ""
    clash: str = ""           # set when an earlier profile already has this slug


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


def find_profiles(folder: Path) -> list[Path]:
    """Every profile in `folder`, sorted by name: *.yaml/*.yml, not notes files, not hidden."""
    if not folder.is_dir():
        raise UsageProblem(f"{folder}: this folder does not exist")
    found = sorted(p for p in folder.iterdir()
                   if p.suffix.lower() in (".yaml", ".yml") and not is_notes_file(p)
                   and not p.name.startswith(".") and p.is_file())
    if not found:
        raise UsageProblem(f"{folder}: no profiles (*.yaml or *.yml) found in this folder")
    return found


def peek_slug(profile: Path) -> str | None:
    """The slug a profile will get, read without full validation (None if it cannot be read)."""
    try:
        data = load_yaml_mapping(profile)
    except PrepPackError:
        return None
    candidate, application = data.get("candidate"), data.get("application")
    name = candidate.get("name") if isinstance(candidate, dict) else None
    company = application.get("company") if isinstance(application, dict) else None
    if not isinstance(name, str) or not isinstance(company, str):
        return None
    return pack_slug(name.strip(), company.strip())


def input_digest(profile: Path, brand: Brand | None, options: str) -> str:
    """A hash of everything a pack is made from, so `--resume` notices any change."""
    digest = hashlib.sha256(f"prep-pack {__version__}|{options}|".encode())
    digest.update(profile.read_bytes())
    notes = find_beside(profile)
    digest.update(b"|notes|" + (notes.read_bytes() if notes else b"-"))
    digest.update(b"|brand|" + (brand.digest.encode() if brand else b"-"))
    return digest.hexdigest()


def folder_digest(folder: Path | None) -> str:
    """A hash of every file in an override folder, so edited templates or texts count as a change."""
    if folder is None:
        return "-"
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def plan_jobs(folder: Path, brand: Brand | None, options: str) -> list[Job]:
    """List the profiles, give each its slug and hash, and mark slug clashes."""
    jobs: list[Job] = []
    owner: dict[str, str] = {}
    for profile in find_profiles(folder):
        job = Job(profile, profile.name, peek_slug(profile))
        job.digest = input_digest(profile, brand, options)
        if job.slug is not None:
            if job.slug in owner:
                job.clash = (f"gives the same pack name '{job.slug}' as {owner[job.slug]}, whose pack is kept; "
                             f"change the candidate or company name, or run it in a separate batch")
            else:
                owner[job.slug] = job.name
        jobs.append(job)
    return jobs


def is_complete(folder: Path, digest: str) -> bool:
    """True when `folder` holds a pack made from inputs with this hash, every file present."""
    try:
        manifest = json.loads((folder / MANIFEST).read_text("utf-8"))
    except (OSError, ValueError):
        return False
    return manifest.get("digest") == digest and all((folder / name).is_file() for name in manifest.get("files", []))


def publish(staging: Path, target: Path) -> None:
    """Put a finished pack folder in place of the old one, so a reader sees one or the other."""
    if target.exists():
        retired = staging.with_name(staging.name + ".old")
        shutil.rmtree(retired, ignore_errors=True)
        target.rename(retired)
        staging.rename(target)
        shutil.rmtree(retired, ignore_errors=True)
    else:
        staging.rename(target)


# --- the worker side ----------------------------------------------------------------------------

_ASSETS = None


def _init_worker(templates: Path | None, brand: Brand | None, formats: tuple[str, ...], pdf_variant: str) -> None:
    """Load templates, stylesheet and fonts once for every pack this process will make."""
    global _ASSETS
    from generator.render.assets import Assets

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides what Ctrl-C means
    _ASSETS = Assets(templates, brand, pdf_variant)
    if "pdf" in formats:
        _ASSETS.weasy_css  # noqa: B018 - parse the stylesheet now, not inside the first pack


def _one_line(error: PrepPackError) -> str:
    """The message `validate` prints, on one line for the report."""
    if isinstance(error, InputError):
        return "; ".join(str(problem) for problem in error.problems)
    return " ".join(error.format_message().split())


def run_job(job: Job, out_root: Path, formats: tuple[str, ...], today: dt.date) -> Row:
    """Make one pack into `<out_root>/<slug>/` (in a worker process) and say how it went."""
    from generator.pipeline import generate

    started = time.perf_counter()
    try:
        if job.slug is None:  # unreadable: validation gives the located message
            from generator.validate import load_inputs
            load_inputs(job.profile)
            raise UsageProblem("the candidate's name and company could not be read")
        staging = out_root / STAGING / job.slug
        shutil.rmtree(staging, ignore_errors=True)
        result = generate(job.profile, staging, formats, today=today, assets=_ASSETS)
        manifest = {"digest": job.digest, "profile": job.name, "files": [p.name for p in result.paths],
                    "made": dt.datetime.now().isoformat(timespec="seconds"), "version": __version__}
        write_atomic(staging / MANIFEST, json.dumps(manifest, indent=2))
        publish(staging, out_root / job.slug)
        warnings = "; ".join(f"warning: {w}" for w in result.warnings)
        return Row(job.name, job.slug, "ok", warnings, time.perf_counter() - started)
    except PrepPackError as exc:
        return Row(job.name, job.slug or "", "failed", _one_line(exc), time.perf_counter() - started)
    except Exception as exc:  # a bug in prep-pack: report it for this profile, go on with the rest
        return Row(job.name, job.slug or "", "failed", f"internal error ({type(exc).__name__}: {exc}); "
                   "please report this with the profile", time.perf_counter() - started)


# --- the parent side ----------------------------------------------------------------------------

def write_report(path: Path, rows: list[Row]) -> Path:
    """Write report.csv (profile,slug,status,error,seconds) whole."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(REPORT_FIELDS)
    writer.writerows(row.as_csv() for row in rows)
    return write_atomic(path, buffer.getvalue())


def _pool(workers: int, templates: Path | None, brand: Brand | None, formats: tuple[str, ...],
          pdf_variant: str) -> ProcessPoolExecutor:
    """Worker processes forked from a server that has already imported WeasyPrint and friends."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    return ProcessPoolExecutor(max_workers=workers, mp_context=context, max_tasks_per_child=RECYCLE_AFTER,
                               initializer=_init_worker, initargs=(templates, brand, formats, pdf_variant))


def run_batch(folder: Path, out_root: Path, formats: tuple[str, ...], today: dt.date,
              workers: int | None = None, brand: Brand | None = None, resume: bool = False,
              templates: Path | None = None, progress: Callable[[Row, int, int], None] | None = None,
              pdf_variant: str = "pdf/ua-1") -> BatchResult:
    """Make every pack of `folder` into `out_root`, write report.csv, return what happened.

    `progress(row, done, total)` is called after each profile. On Ctrl-C the workers are
    stopped, the report holds the profiles finished so far and `interrupted` is set.
    """
    started = time.perf_counter()
    jobs = plan_jobs(folder, brand, f"{','.join(formats)}|{folder_digest(templates)}|{pdf_variant}")
    out_root.mkdir(parents=True, exist_ok=True)
    rows: dict[str, Row] = {}
    total = len(jobs)

    def finished(row: Row) -> None:
        rows[row.profile] = row
        if progress:
            progress(row, len(rows), total)

    shutil.rmtree(out_root / STAGING, ignore_errors=True)  # half-made packs of a killed run
    todo: list[Job] = []
    for job in jobs:
        if job.clash:
            finished(Row(job.name, job.slug or "", "failed", job.clash))
        elif resume and job.slug and is_complete(out_root / job.slug, job.digest):
            finished(Row(job.name, job.slug, "skipped", "unchanged since the last run"))
        else:
            todo.append(job)
    workers = max(1, min(workers or os.cpu_count() or 1, len(todo) or 1))
    result = BatchResult(total=total, workers=workers)
    if todo:
        pool = _pool(workers, templates, brand, formats, pdf_variant)
        try:
            futures: dict[Future, Job] = {pool.submit(run_job, job, out_root, formats, today): job for job in todo}
            for future in as_completed(futures):
                finished(future.result())
            pool.shutdown()
        except BaseException as exc:
            _stop(pool)
            if not isinstance(exc, KeyboardInterrupt):
                raise
            result.interrupted = True
        finally:
            shutil.rmtree(out_root / STAGING, ignore_errors=True)
    result.rows = [rows[job.name] for job in jobs if job.name in rows]
    result.report = write_report(out_root / "report.csv", result.rows)
    result.seconds = time.perf_counter() - started
    return result


def _stop(pool: ProcessPoolExecutor) -> None:
    """Cancel what has not started and end the workers at once (the caller removes their temp files)."""
    processes = list(getattr(pool, "_processes", {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(timeout=5)
